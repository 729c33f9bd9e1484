"""English dates, one style across the site: "27 November 2026" (24-hour time).

Django's English default is American ("Nov. 27, 2026", "11/27/2026"); the hub
writes for a European audience and uses one style everywhere.
"""

DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = DATE_FORMAT
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATETIME_FORMAT = DATETIME_FORMAT
TIME_FORMAT = "H:i"
MONTH_DAY_FORMAT = "j F"
YEAR_MONTH_FORMAT = "F Y"
FIRST_DAY_OF_WEEK = 1  # Monday
