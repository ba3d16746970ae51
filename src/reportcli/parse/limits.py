"""Limits on what one input may hold, so that a build's time and memory stay bounded."""

# Whatever the input (a zip bomb, a 200 MB log): the longest work reports run to a few hundred
# thousand characters; a text far beyond is not one report (many reports belong in a dataset, a
# row each: index.datasets).
MAX_TEXT_BYTES = 8 << 20  # a text, Markdown or HTML report file
MAX_TEXT_CHARACTERS = 4_000_000  # the text a PDF or Word file yields
MAX_DOCX_XML_BYTES = 64 << 20  # the XML inside a .docx, uncompressed
MAX_DOCX_INFLATION = 50  # … and at most this many times the file's own size
