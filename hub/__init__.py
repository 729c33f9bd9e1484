"""The hub itself: its staff roles, its mail, and the plumbing every app shares.

The bottom layer: it imports no other app of the project.
"""
