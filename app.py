"""Entry point: `python app.py` serves the dashboard on http://127.0.0.1:$PORT; gunicorn uses `app:server`."""

from dashboard import create_app
from indicators.config import Settings

settings = Settings.from_env()
app = create_app(settings)
server = app.server

if __name__ == "__main__":
    print(f"Serving the dashboard on http://127.0.0.1:{settings.port}/ (Ctrl+C stops it)", flush=True)
    app.run(host="127.0.0.1", port=settings.port, debug=False, dev_tools_disable_version_check=True)
