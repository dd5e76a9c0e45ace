from hostile_helpers import *

ID = "6a1d0c57-2c5e-4d0e-9a0b-7a3c1f2e9b13"


def generate(work):
    content = minimal_site(work / "content")
    write(work / "feed.json", oruk_page(oruk_service(ID, "Maple Lodge", email="maple@example.org")))
    run_signpost("import", "openreferral", work / "feed.json", "--content", content)
    service = content / "services" / "maple-lodge.md"
    text = service.read_text()
    assert 'name: "Maple Lodge"' in text
    service.write_text(text.replace('name: "Maple Lodge"', 'name: "Maple Lodge (our own words)"')
                       .replace("gives short breaks.", "gives short breaks. Our own description."))
    state = content / "services" / ".import-state.json"
    state.unlink()
