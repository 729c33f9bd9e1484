"""Demo content of the directory app (filled in by its issue)."""


def build():
    return None
