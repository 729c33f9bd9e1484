"""Demo content, built from the factories the tests use.

Each app contributes a `build()` (listed in BUILDERS, run in order inside one
transaction by `load_demo_data`). All text comes from the hub's founding report
(figures quoted as the report gives them).
"""

BUILDERS = [
    "home.demo.editorial",
    "directory.demo",
    # Accounts before initiatives: the demo moderator and council act on them.
    "home.demo.accounts",
    "initiatives.demo",
]
