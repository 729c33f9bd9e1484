"""Issue 10, defect 4: e-mail links point where the site really runs."""

from tests.security.settings_loader import load_settings

DEV = "config.settings.dev"


def test_development_base_url_follows_the_port():
    assert load_settings(DEV, {"PORT": "8080"}, ["WAGTAILADMIN_BASE_URL"]) == {
        "WAGTAILADMIN_BASE_URL": "http://127.0.0.1:8080"
    }


def test_development_base_url_defaults_to_port_8000():
    assert load_settings(DEV, {}, ["WAGTAILADMIN_BASE_URL"]) == {
        "WAGTAILADMIN_BASE_URL": "http://127.0.0.1:8000"
    }


def test_an_explicit_base_url_wins_over_the_port():
    settings = load_settings(
        DEV,
        {"PORT": "8080", "BASE_URL": "https://x.example"},
        ["WAGTAILADMIN_BASE_URL"],
    )

    assert settings == {"WAGTAILADMIN_BASE_URL": "https://x.example"}


def test_make_run_passes_its_port_to_the_server():
    from tests.security.settings_loader import BASE_DIR

    run_recipe = (BASE_DIR / "Makefile").read_text().split("\nrun:", 1)[1]
    assert "PORT=$(PORT)" in run_recipe.split("\n\n", 1)[0]
