"""Every component ID of the app in one place.

Repeated widgets use dict IDs; dotted codes become slugs (Dash rejects "." in IDs)."""

URL = "url"
LANG_STORE = "lang-store"
NOTICES = "filter-notices"
HEADER = "app-header"
NAV = "app-nav"
LANG_SWITCH = "lang-switch"
FOOTER = "app-footer"

# filter panel (shell level: applies to every page)
FILTER_PANEL = "filter-panel"
FILTER_PROGRAMME = "filter-programme"
FILTER_REGION = "filter-region"
FILTER_COUNTRY = "filter-country"
FILTER_YEARS = "filter-years"
FILTER_SDG_GOAL = "filter-sdg-goal"
FILTER_SDG_TARGET = "filter-sdg-target"
FILTER_RESET = "filter-reset"
FILTER_SUMMARY = "filter-summary"

# charts on every page: a "Download SVG" button per chart, {"type": SVG_EXPORT, "graph": <graph id>}
SVG_EXPORT = "svg-export"


def slug(code: str) -> str:
    """`8.3` -> `8-3`: a code usable inside a component ID."""
    return str(code).replace(".", "-")


def page_id(page: str, name: str) -> str:
    """IDs of a page's own components, e.g. page_id("overview", "trend") -> "overview-trend"."""
    return f"{page}-{name}"


# data page (/data)
DATA_GRID = page_id("data", "grid")
DATA_STATUS = page_id("data", "status")
DATA_NOTES = page_id("data", "notes")
DATA_RENDERED = page_id("data", "rendered")  # mounts with each render of the page: one query per view
DATA_DOWNLOAD = page_id("data", "download")
DATA_DOWNLOAD_CSV = page_id("data", "download-csv")
DATA_DOWNLOAD_XLSX = page_id("data", "download-xlsx")

# overview page (/)
OVERVIEW_QUERY = page_id("overview", "query")  # the page's URL query, mounted with each render: one run per view
OVERVIEW_CARDS = page_id("overview", "cards")
OVERVIEW_INDICATOR = page_id("overview", "indicator")
OVERVIEW_SHOW_ALL = page_id("overview", "show-all")
OVERVIEW_TREND = page_id("overview", "trend")
OVERVIEW_TREND_UNDATED = page_id("overview", "trend-undated")
OVERVIEW_BY_PROGRAMME = page_id("overview", "by-programme")
OVERVIEW_BY_SDG = page_id("overview", "by-sdg")
OVERVIEW_BREAKDOWN_NOTES = page_id("overview", "breakdown-notes")
OVERVIEW_MAP_SLOT = page_id("overview", "map-slot")
OVERVIEW_MAP = page_id("overview", "map")

# programme page (/programmes/<code>)
PROGRAMME_QUERY = page_id("programme", "query")
PROGRAMME_PROFILE = page_id("programme", "profile")
PROGRAMME_INDICATORS = page_id("programme", "indicators")
