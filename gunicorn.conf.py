"""gunicorn settings: the database is created and seeded once, in the master, before workers fork."""


def on_starting(server):  # noqa: ARG001 - gunicorn hook signature
    from indicators.config import Settings
    from indicators.db import get_engine, init_db

    print(init_db(get_engine(Settings.from_env().database_url)))
