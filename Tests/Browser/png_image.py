"""A small PNG reader for the screenshot tests: 8-bit greyscale, RGB and RGBA images, no other packages needed."""
import struct
import zlib

SIGNATURE = b"\x89PNG\r\n\x1a\n"
CHANNELS = {0: 1, 2: 3, 4: 2, 6: 4}  # colour type → bytes per pixel at 8 bits


class Image:
    def __init__(self, width, height, channels, rows):
        self.width, self.height, self.channels, self.rows = width, height, channels, rows

    def pixel(self, x, y):
        start = x * self.channels
        return bytes(self.rows[y][start:start + self.channels])

    def colours(self, left=0, top=0, right=None, bottom=None, limit=None):
        """The distinct colours in a rectangle (the whole image by default), stopping early once `limit` are found."""
        right = self.width if right is None else min(right, self.width)
        bottom = self.height if bottom is None else min(bottom, self.height)
        seen, c = set(), self.channels
        for y in range(max(top, 0), bottom):
            row = self.rows[y]
            for start in range(max(left, 0) * c, right * c, c):
                seen.add(row[start:start + c])
            if limit and len(seen) >= limit:
                break
        return seen


def read(path):
    data = open(path, "rb").read()
    assert data[:8] == SIGNATURE, f"{path} is not a PNG"
    position, idat, header = 8, [], None
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        body = data[position + 8:position + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
        position += 12 + length
    width, height, depth, colour_type, _, _, interlace = header
    assert depth == 8 and colour_type in CHANNELS and interlace == 0, f"{path}: unsupported PNG {header}"
    c = CHANNELS[colour_type]
    raw = zlib.decompress(b"".join(idat))
    stride = width * c
    rows, previous = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, row = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        if kind == 1:  # Sub
            for i in range(c, stride):
                row[i] = (row[i] + row[i - c]) & 255
        elif kind == 2:  # Up
            row = bytearray((a + b) & 255 for a, b in zip(row, previous))
        elif kind == 3:  # Average
            for i in range(stride):
                row[i] = (row[i] + ((row[i - c] if i >= c else 0) + previous[i]) // 2) & 255
        elif kind == 4:  # Paeth
            for i in range(stride):
                a = row[i - c] if i >= c else 0
                b, d = previous[i], previous[i - c] if i >= c else 0
                p = a + b - d
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - d)
                row[i] = (row[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else d)) & 255
        else:
            assert kind == 0, f"{path}: unknown filter {kind} on row {y}"
        rows.append(bytes(row))
        previous = row
    return Image(width, height, c, rows)
