from hostile_helpers import *

ID = "6a1d0c57-2c5e-4d0e-9a0b-7a3c1f2e9b13"


def generate(work):
    content = imported_then_edited(work, ID)
    state = content / "services" / ".import-state.json"
    state.unlink()
