"""The time bank's public pages, registration, sign-in and the member's pages."""
