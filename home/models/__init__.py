from .pages import HomePage, StandardPage
from .site_settings import SiteContactSettings

__all__ = ["HomePage", "SiteContactSettings", "StandardPage"]
