"""Editorial demo content: home, about, contact, news, outreach topics, events."""


def build():
    from tests.factories.home import home_pages

    home_pages()
