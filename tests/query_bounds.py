"""The number of SQL queries a public page may cost (issue 16), whatever the
size of the data it lists: the query-count tests of every app use it."""

PUBLIC_PAGE_QUERIES = 12
