"""Georgian dates, one style across the site: "27 ნოემბერი 2026".

Django's own Georgian formats mix "l, j F, Y" and "j.M.Y"; the site shows one
style in pages, e-mails and the admin alike (hub/templatetags/dates.py).
"""

DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = DATE_FORMAT
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATETIME_FORMAT = DATETIME_FORMAT
TIME_FORMAT = "H:i"
MONTH_DAY_FORMAT = "j F"
YEAR_MONTH_FORMAT = "F Y"
FIRST_DAY_OF_WEEK = 1  # Monday
