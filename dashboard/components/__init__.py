"""Presentational builders shared by pages (tables, cards, panels): pure functions of their inputs."""
