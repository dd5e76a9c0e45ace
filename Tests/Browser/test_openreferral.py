"""Every Open Referral UK file Signpost writes validates against the profile's official compiled schemas
(Tests/OpenReferral/schema, CC BY-SA 4.0), with a real JSON Schema validator: the sample site, a generated directory
of a few hundred services over several pages, and a site with the fewest fields a service file may have."""
import json
import pathlib
import subprocess
import sys
import tempfile
import uuid

import jsonschema
import pytest
import referencing

from conftest import ROOT, build_site

SCHEMAS = ROOT / "Tests/OpenReferral/schema"
EXAMPLES = ROOT / "Tests/OpenReferral/examples"
# Signpost's fixed namespace for version 5 UUIDs (Sources/ServiceDirectory/OpenReferral/NameUUID.swift).
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://signpost.invalid/openreferral")

sys.path.insert(0, str(ROOT / "Benchmarks"))


def schema(name):
    return json.loads((SCHEMAS / name).read_text(encoding="utf-8"))


OPENAPI = schema("openapi.json")
# The taxonomy schema refers to `taxonomy_term.json` by that name.
REGISTRY = referencing.Registry().with_resources([
    (name, referencing.Resource.from_contents(schema(name), default_specification=referencing.jsonschema.DRAFT202012))
    for name in ("taxonomy.json", "taxonomy_term.json")
])


def validator(shape):
    return jsonschema.Draft202012Validator(shape, registry=REGISTRY, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def page_of(items):
    """The OpenAPI document's paged list: its `Page` shape, with `contents` holding `items`."""
    return {"allOf": [OPENAPI["components"]["schemas"]["Page"]],
            "properties": {"contents": {"type": "array", "items": items}},
            "required": ["total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty",
                         "contents"]}


SERVICE = validator(schema("service.json"))
SERVICE_PAGE = validator(page_of(schema("service_list.json")))
TAXONOMY_PAGE = validator(page_of({"$ref": "taxonomy.json"}))
TERM_PAGE = validator(page_of({"$ref": "taxonomy_term.json"}))
ROOT_DOCUMENT = validator(OPENAPI["paths"]["/"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
                          | {"required": ["version", "profile", "openapi_url"]})


def problems(check, document):
    return [f"{'/'.join(map(str, e.absolute_path)) or '(top)'}: {e.message}" for e in check.iter_errors(document)]


def load(path):
    return json.loads(path.read_text(encoding="utf-8"))


def pages(folder, name):
    """The pages of one list, in order: `name.json`, `name-page-2.json`…"""
    found = [folder / f"{name}.json"]
    while (folder / f"{name}-page-{len(found) + 1}.json").exists():
        found.append(folder / f"{name}-page-{len(found) + 1}.json")
    return found


def all_uuids(value):
    """Every value under an `id` or `…_id` key."""
    if isinstance(value, dict):
        for key, item in value.items():
            if (key == "id" or key.endswith("_id")) and isinstance(item, str):
                yield item
            else:
                yield from all_uuids(item)
    elif isinstance(value, list):
        for item in value:
            yield from all_uuids(item)


def check_export(site):
    """Validates every Open Referral file of a built site; returns the services by Signpost id."""
    folder = site / "openreferral"
    failures = []
    assert not problems(ROOT_DOCUMENT, load(folder / "index.json")), problems(ROOT_DOCUMENT, load(folder / "index.json"))
    assert load(folder / "index.json")["version"] == "3.0"

    services = {}
    for path in sorted((folder / "services").glob("*.json")):
        record = load(path)
        failures += [f"{path.name}: {p}" for p in problems(SERVICE, record)]
        services[path.stem] = record
        for value in all_uuids(record):
            assert uuid.UUID(value).version == 5, f"{path.name}: {value} is not a version 5 UUID"
        if "openreferral_id" not in path.read_text(encoding="utf-8"):
            pass

    listed = []
    for check, name in ((SERVICE_PAGE, "services"), (TAXONOMY_PAGE, "taxonomies"), (TERM_PAGE, "taxonomy_terms")):
        found = pages(folder, name)
        items = []
        for number, path in enumerate(found, start=1):
            page = load(path)
            failures += [f"{path.name}: {p}" for p in problems(check, page)]
            assert page["page_number"] == number
            assert page["total_pages"] == len(found) or (page["total_items"] == 0 and page["total_pages"] == 0)
            assert page["first_page"] == (number == 1)
            assert page["last_page"] == (number == len(found))
            assert page["size"] == len(page["contents"]) <= 100
            assert page["size"] == 100 or number == len(found), f"{path.name}: only the last page may be short"
            assert page["empty"] == (page["total_items"] == 0)
            items += page["contents"]
        assert len(items) == load(found[0])["total_items"]
        if name == "services":
            listed = items
    assert not failures, "\n".join(failures[:40])
    assert sorted(s["id"] for s in listed) == sorted(s["id"] for s in services.values()), \
        "the list and the service files hold different services"
    return services


def test_the_validator_accepts_the_profiles_own_examples_and_rejects_a_gap():
    """The schemas are wired up as they should be: the official examples pass, and a record missing a field the
    profile requires fails, so a passing export means something."""
    example = load(EXAMPLES / "service_full.json")
    assert not problems(SERVICE, example)
    assert not problems(SERVICE_PAGE, load(EXAMPLES / "service_list.json"))
    assert not problems(TAXONOMY_PAGE, load(EXAMPLES / "taxonomy_list.json"))
    assert not problems(TERM_PAGE, load(EXAMPLES / "taxonomy_term_list.json"))
    del example["organization"]["description"]
    assert problems(SERVICE, example)
    example = load(EXAMPLES / "service_full.json")
    example["id"] = "not-a-uuid"
    assert problems(SERVICE, example)


def test_the_sample_sites_export_validates(site):
    services = check_export(site)
    assert len(services) >= 30
    one = services["asian-womens-respite"]
    assert one["id"] == str(uuid.uuid5(NAMESPACE, "service:asian-womens-respite"))
    assert one["organization"]["description"]
    assert one["service_at_locations"][0]["location"]["addresses"][0]["postal_code"] == "LE4 0AV"
    assert {t["taxonomy_term"]["term"] for t in one["attributes"]} == {"home-based", "community"}
    terms = load(site / "openreferral/taxonomy_terms.json")["contents"]
    assert {"building-based", "leicester", "rutland"} <= {t["term"] for t in terms}


def test_a_generated_directory_over_several_pages_validates():
    import directory_build
    with tempfile.TemporaryDirectory(prefix="signpost-oruk-") as work:
        content = pathlib.Path(work) / "content"
        directory_build.make_site(content, 250, seed=12)
        site = build_site(content, pathlib.Path(work) / "site", ROOT / "Themes/default")
        services = check_export(site)
        assert len(pages(site / "openreferral", "services")) == 3
        assert len(services) >= 240  # a few generated services are inactive, and stay in the feed with that status


def test_the_fewest_fields_a_service_may_have_validate_and_a_site_without_an_address_still_validates():
    with tempfile.TemporaryDirectory(prefix="signpost-oruk-") as work:
        content = pathlib.Path(work) / "content"
        (content / "services").mkdir(parents=True)
        (content / "site.yml").write_text('title: Bare\ncontact:\n  phone: "0116 496 0999"\n', encoding="utf-8")
        (content / "index.md").write_text("---\ntitle: Home\nsummary: The home page.\n---\nHello.\n", encoding="utf-8")
        (content / "services/bare.md").write_text(
            "---\nid: bare\nname: Bare\nsummary: Very little.\nbreak_types: [holiday]\n"
            "organization: { name: Just A Name }\nlocation: { address: { city: Oakham } }\n---\n", encoding="utf-8")
        (content / "services/kept-id.md").write_text(
            "---\nid: kept-id\nname: Kept\nsummary: Imported.\nbreak_types: [community]\n"
            "openreferral_id: ac148810-d857-441c-9679-408f346de14b\n---\nMore words.\n", encoding="utf-8")
        site = build_site(content, pathlib.Path(work) / "site", ROOT / "Themes/default")
        folder = site / "openreferral"
        one = load(folder / "services/bare.json")
        assert not problems(SERVICE, one)
        assert "url" not in one, "without the site's address a service has no full web address to give"
        # The id a council's feed gave a service is the id the export gives back.
        kept = load(folder / "services/kept-id.json")
        assert kept["id"] == "ac148810-d857-441c-9679-408f346de14b"
        assert kept["description"] == "Imported.\n\nMore words."


def essentials(record):
    """What a service says, without the ids and addresses that come from its file name."""
    location = (record.get("service_at_locations") or [{}])[0].get("location", {})
    address = (location.get("addresses") or [{}])[0]
    return {
        "name": record["name"], "description": record["description"], "status": record["status"],
        "email": record.get("email"), "ages": (record.get("minimum_age"), record.get("maximum_age")),
        "checked": record.get("assured_date"), "eligibility": record.get("eligibility_description"),
        "how": record.get("application_process"),
        "organization": {k: v for k, v in record.get("organization", {}).items() if k != "id"},
        "areas": [a["name"] for a in record.get("service_areas", [])],
        "languages": [language["code"] for language in record.get("languages", [])],
        "costs": [{k: v for k, v in c.items() if k not in ("id", "service_id")} for c in record.get("cost_options", [])],
        "hours": [(s["byday"], s["opens_at"], s["closes_at"]) for s in record.get("schedules", [])],
        "phones": [p["number"] for p in record.get("phones", [])],
        "place": (location.get("name"), address.get("address_1"), address.get("city"), address.get("postal_code")),
        "kinds": [a["taxonomy_term"]["term"] for a in record.get("attributes", [])],
    }


def test_the_sample_sites_export_imports_into_an_empty_folder_and_builds_the_same_services(site):
    """Export, import into an empty content folder, build again: the same services, with the same ids."""
    with tempfile.TemporaryDirectory(prefix="signpost-oruk-") as work:
        content = pathlib.Path(work) / "content"
        content.mkdir()
        (content / "site.yml").write_text('title: Again\nurl: https://breaks.example.org\ncontact:\n  phone: "0116 496 0999"\n',
                                          encoding="utf-8")
        (content / "index.md").write_text("---\ntitle: Home\nsummary: The home page.\n---\nHello.\n", encoding="utf-8")
        from conftest import SIGNPOST
        result = subprocess.run([str(SIGNPOST), "import", "openreferral", str(site / "openreferral"), "--content", str(content)],
                                capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr
        assert "Terms not in" not in result.stdout, "Signpost's own terms must be in the default mapping table"
        again = check_export(build_site(content, pathlib.Path(work) / "site", ROOT / "Themes/default"))
        before = {r["id"]: essentials(r) for r in load_services(site)}
        after = {r["id"]: essentials(r) for r in again.values()}
        assert before.keys() == after.keys()
        for key in before:
            assert after[key] == before[key], before[key]["name"]


def load_services(site):
    return [load(path) for path in sorted((site / "openreferral/services").glob("*.json"))]
