"""Demo content of the initiatives app (filled in by its issue)."""


def build():
    return None
