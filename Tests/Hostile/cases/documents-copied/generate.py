"""Pictures and documents of every allowed kind are copied to the output."""
import os

from hostile_helpers import *


def generate(work):
    c = minimal_site(work / "content")
    write(c / "pictures/a.svg", '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">\n  <circle cx="5" cy="5" r="4"/>\n</svg>\n')
    write(c / "pictures/b.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    write(c / "pictures/c.jpg", b"\xff\xd8\xff\xe0" + bytes(range(256)))
    write(c / "pictures/d.jpeg", b"\xff\xd8\xff\xe0" + bytes(64))
    write(c / "pictures/e.webp", b"RIFF\x00\x00\x00\x00WEBPVP8 " + bytes(64))
    write(c / "pictures/f.gif", b"GIF89a" + bytes(64))
    write(c / "documents/g.pdf", b"%PDF-1.4\n" + bytes(range(256)))
    write(c / "documents/h.docx", b"PK\x03\x04" + bytes(64))
