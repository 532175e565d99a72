"""View models: page filters or a programme code -> plain frames and records for the builders.

Functions of a FilterState (or a programme code and language) returning plain frames, dicts and
records, from dashboard.data and indicators.repository/metrics; no Dash components here."""
