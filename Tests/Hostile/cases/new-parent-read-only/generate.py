def generate(work):
    (work / "locked").mkdir()
