"""The index's tables. Bump SCHEMA_VERSION whenever a table or the meaning of a column changes."""
from __future__ import annotations

SCHEMA_VERSION = 8
PAGE_BYTES = 8192

# Paragraph rowids are contiguous per report (first_rowid .. first_rowid + paragraphs - 1), so a
# (report, paragraph id) pair maps to a rowid without an extra index, and FTS queries restrict
# to a report with a rowid range.
SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE reports (
    ord INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    title TEXT, region TEXT, region_code TEXT, parent TEXT, level TEXT, year INTEGER, date TEXT, meeting TEXT,
    office TEXT, speaker TEXT, publisher TEXT, published TEXT,
    source TEXT, sha256 TEXT NOT NULL, file TEXT,
    first_rowid INTEGER NOT NULL, paragraphs INTEGER NOT NULL,
    warnings TEXT NOT NULL,
    format TEXT NOT NULL DEFAULT 'text', -- text / html / markdown / pdf / docx
    inferred TEXT NOT NULL DEFAULT '[]', -- JSON list of metadata fields read from body cues
    provenance TEXT NOT NULL DEFAULT '{}', -- JSON: field → where it came from
    line INTEGER, -- a dataset row: the line of `file` where its record starts
    fingerprint TEXT -- SHA-256 of text and metadata (sources.fingerprint_of): add skips an unchanged report
);
CREATE TABLE sections (
    report INTEGER NOT NULL, id INTEGER NOT NULL, parent INTEGER, level INTEGER NOT NULL,
    number TEXT NOT NULL, label TEXT NOT NULL, path TEXT NOT NULL, kind TEXT NOT NULL,
    title TEXT, title_at INTEGER, -- the heading without its marker: NULL when it is label[title_at:]
    PRIMARY KEY (report, id)
) WITHOUT ROWID;
CREATE TABLE paragraphs (
    rowid INTEGER PRIMARY KEY,
    report INTEGER NOT NULL, id INTEGER NOT NULL, section INTEGER,
    block INTEGER NOT NULL, "at" INTEGER NOT NULL, length INTEGER NOT NULL -- its text: blocks.id, characters
);
-- A report's paragraph text, about 4 KB a block, deflated against the dictionary (index.packing).
-- A report's blocks have consecutive ids (its paragraphs name them).
CREATE TABLE blocks (id INTEGER PRIMARY KEY, report INTEGER NOT NULL, data BLOB NOT NULL);
-- The dictionary paragraph text is packed with (one row), kept with the index that needs it.
CREATE TABLE dictionary (data BLOB NOT NULL);
CREATE TABLE terms (
    report INTEGER NOT NULL, seq INTEGER NOT NULL, term TEXT NOT NULL, heading TEXT NOT NULL,
    definition TEXT NOT NULL, aliases TEXT NOT NULL, paragraph INTEGER NOT NULL,
    mentions TEXT NOT NULL, -- JSON list of body paragraph ids that use the term
    keys TEXT NOT NULL, -- JSON list of lookup keys: folded forms, pinyin, initials
    PRIMARY KEY (report, seq)
) WITHOUT ROWID;
-- Strings that many rows repeat (indicator names, units, kinds, horizons), each kept once:
-- figures and goals name them by id. Ids are given in the order reports are written, so an
-- index's contents do not depend on how many workers parsed them.
CREATE TABLE names (id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE);
-- The English names of the curated indicator codes the index uses (data/indicators.toml).
CREATE TABLE codes (code TEXT PRIMARY KEY, name_en TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE figures (
    report INTEGER NOT NULL, seq INTEGER NOT NULL, paragraph INTEGER NOT NULL, section INTEGER,
    raw TEXT, raw_at INTEGER, -- as written: NULL when it is the context's characters from raw_at, end - start long
    value REAL, unit INTEGER NOT NULL, approx TEXT, indicator INTEGER NOT NULL, -- names.id
    kind INTEGER NOT NULL, target INTEGER NOT NULL, context TEXT NOT NULL, -- kind: names.id
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, low REAL, high REAL,
    code TEXT, -- the curated indicator (codes), when it is one
    basis TEXT, -- from (a window's start) / vs_last_year (a change against last year), else NULL
    PRIMARY KEY (report, seq)
) WITHOUT ROWID;
CREATE TABLE goals (
    report INTEGER NOT NULL, seq INTEGER NOT NULL, paragraph INTEGER NOT NULL, section INTEGER,
    indicator INTEGER NOT NULL, raw TEXT NOT NULL, value REAL, unit INTEGER NOT NULL, comparator TEXT, -- names.id
    direction TEXT, main INTEGER NOT NULL, strength TEXT, low REAL, high REAL, horizon INTEGER, -- names.id
    text TEXT, figure INTEGER, -- the clause: NULL when it is the context of the report's figure `figure` (seq)
    start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    code TEXT, basis TEXT,
    PRIMARY KEY (report, seq)
) WITHOUT ROWID;
-- The figures and targets of one indicator code across every report (metrics --code, trend,
-- goals --code read them in one statement): 13% of figures have a code, so the index is small
-- (20,000 reports: 19 MB of 1.6 GB) and such a query reads its rows instead of every figure.
CREATE INDEX figures_code ON figures (code, report, seq) WHERE code IS NOT NULL;
CREATE INDEX goals_code ON goals (code, report, seq) WHERE code IS NOT NULL;
-- Concepts: a shorthand and what it stands for, from the shipped lexicon (report NULL) and from
-- each report's glossary (that report only). concept_forms finds a concept by any of its forms.
CREATE TABLE concepts (
    id INTEGER PRIMARY KEY, report INTEGER, term TEXT NOT NULL, definition TEXT, period TEXT
);
CREATE TABLE concept_forms (
    form TEXT NOT NULL, -- folded, without quote marks
    concept INTEGER NOT NULL,
    relation TEXT NOT NULL, -- term / expansion / member
    written TEXT NOT NULL -- the form as written
);
CREATE INDEX concept_forms_form ON concept_forms (form);
CREATE INDEX concept_forms_concept ON concept_forms (concept);
-- Every jieba word of the corpus: document frequency and toneless pinyin keys, for ranking and
-- for analysing queries (pinyin, segmentation) without loading jieba or pypinyin.
CREATE TABLE vocab (
    word TEXT PRIMARY KEY, df INTEGER NOT NULL, pinyin TEXT, initials TEXT
) WITHOUT ROWID;
CREATE INDEX vocab_pinyin ON vocab (pinyin) WHERE pinyin IS NOT NULL;
CREATE INDEX vocab_initials ON vocab (initials) WHERE initials IS NOT NULL;
-- Character-bigram index of every paragraph's folded text (contentless: rowid = paragraphs.rowid).
-- Token counts are kept (columnsize, 1% of the index): without them the table cannot be scanned,
-- and `sqlite3 .dump` or a database browser fails on it.
-- The text is tokens already (bigrams of folded text, joined by spaces): the ascii tokenizer only
-- splits it at the spaces (unicode61 also looked every character up to fold it again: the grams
-- of a build went in 1.5× slower). Every match is verified against the text, as before.
CREATE VIRTUAL TABLE grams USING fts5 (g, content='', detail='none', tokenize='ascii');
"""
