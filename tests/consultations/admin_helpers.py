"""Drive the consultants' admin as a browser does: read the form, change, post."""

from bs4 import BeautifulSoup

from tests.consultations.conftest import admin_url


def form_values(response, selector="#w-editor-form"):
    """{name: [values]} of a rendered form, as the browser would send it
    (checked boxes only, selected options, no file inputs, nothing from the
    <template> elements that hold empty inline forms)."""
    soup = BeautifulSoup(response.content, "html.parser")
    form = soup.select_one(selector)
    assert form is not None, f"no form {selector!r} on the page"
    data = {}
    for element in form.find_all(["input", "select", "textarea"]):
        name = element.get("name")
        if not name or element.find_parent("template"):
            continue
        if element.name == "textarea":
            values = [element.text.removeprefix("\n")]
        elif element.name == "select":
            selected = element.find_all("option", selected=True)
            values = [option.get("value", option.text) for option in selected]
        else:
            kind = element.get("type", "text")
            if kind in ("submit", "button", "file", "image", "reset"):
                continue
            if kind in ("checkbox", "radio"):
                if not element.has_attr("checked"):
                    continue
                values = [element.get("value", "on")]
            else:
                values = [element.get("value", "")]
        data.setdefault(name, []).extend(values)
    return data


def set_fields(data, **fields):
    for name, value in fields.items():
        data[name] = value if isinstance(value, list) else [value]
    return data


def add_child(data, relation, **fields):
    """Add a new inline form (a session, note or document) to posted data."""
    index = int(data[f"{relation}-TOTAL_FORMS"][0])
    data[f"{relation}-TOTAL_FORMS"] = [str(index + 1)]
    data[f"{relation}-{index}-id"] = [""]
    data[f"{relation}-{index}-DELETE"] = [""]
    for name, value in fields.items():
        data[f"{relation}-{index}-{name}"] = [value]
    return data


def edit_case(client, case, files=None, children=(), **fields):
    """Open the case page, change `fields`, add `children` ((relation,
    {field: value}), ...), and save it as a consultant would."""
    page = client.get(admin_url("edit", case.pk))
    assert page.status_code == 200, page.status_code
    data = set_fields(form_values(page), **fields)
    for relation, child in children:
        add_child(data, relation, **child)
    payload = {name: values for name, values in data.items()}
    payload.update(files or {})
    response = client.post(admin_url("edit", case.pk), payload)
    case.refresh_from_db()
    return response


def error_text(response):
    """The visible error messages of a rejected admin form."""
    soup = BeautifulSoup(response.content, "html.parser")
    return " | ".join(
        element.get_text(" ", strip=True)
        for element in soup.select(".error-message, .help-critical, .w-field__errors")
    )
