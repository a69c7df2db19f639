#!/usr/bin/python3
"""make_library.py: Zotero libraries (zotero.sqlite) for the tests and the benchmark.

    make_library.py OUT.sqlite                 the realistic fixture (fixed content)
    make_library.py OUT.sqlite --shuffle-ids   the same items, other type/field/creator-type ids
    make_library.py OUT.sqlite --items N       N synthetic regular items (benchmark)

The tables are those of Zotero 7's resource/schema/userdata.sql (schema
version 123, read in the zotero/zotero repository; columns, keys and indexes
as there, written out here for the tables a library of papers uses).  Zotero
fills itemTypes, fields, creatorTypes and baseFieldMappings from its global
schema at startup, so the numeric ids differ between installations: readers
must join by name, and --shuffle-ids makes a library that checks they do.

Values are stored the way Zotero stores them: a date as 'YYYY-MM-DD original'
('2020-06-00 June 2020'), notes as HTML in a <div data-schema-version>, a
single-field creator (fieldMode 1) with its whole name in lastName, Better
BibTeX's 'Citation Key: x' and arXiv ids in Extra (Zotero 6), the Zotero 7
field citationKey, trashed items in deletedItems, collections in trash in
deletedCollections, attachments and annotations as child items.
"""
import random
import sqlite3
import sys

SCHEMA = """
CREATE TABLE itemTypes (itemTypeID INTEGER PRIMARY KEY, typeName TEXT, templateItemTypeID INT, display INT DEFAULT 1);
CREATE TABLE itemTypesCombined (itemTypeID INT NOT NULL, typeName TEXT NOT NULL, display INT DEFAULT 1 NOT NULL,
    custom INT NOT NULL, PRIMARY KEY (itemTypeID));
CREATE TABLE fields (fieldID INTEGER PRIMARY KEY, fieldName TEXT, fieldFormatID INT);
CREATE TABLE fieldsCombined (fieldID INT NOT NULL, fieldName TEXT NOT NULL, label TEXT, fieldFormatID INT,
    custom INT NOT NULL, PRIMARY KEY (fieldID));
CREATE TABLE itemTypeFields (itemTypeID INT, fieldID INT, hide INT, orderIndex INT,
    PRIMARY KEY (itemTypeID, orderIndex), UNIQUE (itemTypeID, fieldID));
CREATE INDEX itemTypeFields_fieldID ON itemTypeFields(fieldID);
CREATE TABLE itemTypeFieldsCombined (itemTypeID INT NOT NULL, fieldID INT NOT NULL, hide INT, orderIndex INT NOT NULL,
    PRIMARY KEY (itemTypeID, orderIndex), UNIQUE (itemTypeID, fieldID));
CREATE TABLE baseFieldMappings (itemTypeID INT, baseFieldID INT, fieldID INT,
    PRIMARY KEY (itemTypeID, baseFieldID, fieldID));
CREATE TABLE baseFieldMappingsCombined (itemTypeID INT, baseFieldID INT, fieldID INT,
    PRIMARY KEY (itemTypeID, baseFieldID, fieldID));
CREATE TABLE creatorTypes (creatorTypeID INTEGER PRIMARY KEY, creatorType TEXT);
CREATE TABLE itemTypeCreatorTypes (itemTypeID INT, creatorTypeID INT, primaryField INT,
    PRIMARY KEY (itemTypeID, creatorTypeID));
CREATE TABLE version (schema TEXT PRIMARY KEY, version INT NOT NULL);
CREATE INDEX schema ON version(schema);
CREATE TABLE settings (setting TEXT, key TEXT, value, PRIMARY KEY (setting, key));
CREATE TABLE libraries (libraryID INTEGER PRIMARY KEY, type TEXT NOT NULL, editable INT NOT NULL,
    filesEditable INT NOT NULL, version INT NOT NULL DEFAULT 0, storageVersion INT NOT NULL DEFAULT 0,
    lastSync INT NOT NULL DEFAULT 0, archived INT NOT NULL DEFAULT 0);
CREATE TABLE groups (groupID INTEGER PRIMARY KEY, libraryID INT NOT NULL UNIQUE, name TEXT NOT NULL,
    description TEXT NOT NULL, version INT NOT NULL);
CREATE TABLE feeds (libraryID INTEGER PRIMARY KEY, name TEXT NOT NULL, url TEXT NOT NULL UNIQUE,
    lastUpdate TIMESTAMP, lastCheck TIMESTAMP, lastCheckError TEXT, cleanupReadAfter INT,
    cleanupUnreadAfter INT, refreshInterval INT);
CREATE TABLE items (itemID INTEGER PRIMARY KEY, itemTypeID INT NOT NULL,
    dateAdded TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP, dateModified TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    clientDateModified TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP, libraryID INT NOT NULL, key TEXT NOT NULL,
    version INT NOT NULL DEFAULT 0, synced INT NOT NULL DEFAULT 0, UNIQUE (libraryID, key));
CREATE INDEX items_synced ON items(synced);
CREATE TABLE itemDataValues (valueID INTEGER PRIMARY KEY, value UNIQUE);
CREATE TABLE itemData (itemID INT, fieldID INT, valueID, PRIMARY KEY (itemID, fieldID));
CREATE INDEX itemData_fieldID ON itemData(fieldID);
CREATE INDEX itemData_valueID ON itemData(valueID);
CREATE TABLE itemNotes (itemID INTEGER PRIMARY KEY, parentItemID INT, note TEXT, title TEXT);
CREATE INDEX itemNotes_parentItemID ON itemNotes(parentItemID);
CREATE TABLE itemAttachments (itemID INTEGER PRIMARY KEY, parentItemID INT, linkMode INT, contentType TEXT,
    charsetID INT, path TEXT, syncState INT DEFAULT 0, storageModTime INT, storageHash TEXT,
    lastProcessedModificationTime INT);
CREATE INDEX itemAttachments_parentItemID ON itemAttachments(parentItemID);
CREATE TABLE itemAnnotations (itemID INTEGER PRIMARY KEY, parentItemID INT NOT NULL, type INTEGER NOT NULL,
    authorName TEXT, text TEXT, comment TEXT, color TEXT, pageLabel TEXT, sortIndex TEXT NOT NULL,
    position TEXT NOT NULL, isExternal INT NOT NULL);
CREATE INDEX itemAnnotations_parentItemID ON itemAnnotations(parentItemID);
CREATE TABLE tags (tagID INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE itemTags (itemID INT NOT NULL, tagID INT NOT NULL, type INT NOT NULL, PRIMARY KEY (itemID, tagID));
CREATE INDEX itemTags_tagID ON itemTags(tagID);
CREATE TABLE creators (creatorID INTEGER PRIMARY KEY, firstName TEXT, lastName TEXT, fieldMode INT,
    UNIQUE (lastName, firstName, fieldMode));
CREATE TABLE itemCreators (itemID INT NOT NULL, creatorID INT NOT NULL, creatorTypeID INT NOT NULL DEFAULT 1,
    orderIndex INT NOT NULL DEFAULT 0, PRIMARY KEY (itemID, creatorID, creatorTypeID, orderIndex),
    UNIQUE (itemID, orderIndex));
CREATE INDEX itemCreators_creatorTypeID ON itemCreators(creatorTypeID);
CREATE TABLE collections (collectionID INTEGER PRIMARY KEY, collectionName TEXT NOT NULL,
    parentCollectionID INT DEFAULT NULL, clientDateModified TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    libraryID INT NOT NULL, key TEXT NOT NULL, version INT NOT NULL DEFAULT 0, synced INT NOT NULL DEFAULT 0,
    UNIQUE (libraryID, key));
CREATE TABLE collectionItems (collectionID INT NOT NULL, itemID INT NOT NULL, orderIndex INT NOT NULL DEFAULT 0,
    PRIMARY KEY (collectionID, itemID));
CREATE INDEX collectionItems_itemID ON collectionItems(itemID);
CREATE TABLE deletedCollections (collectionID INTEGER PRIMARY KEY, dateDeleted DEFAULT CURRENT_TIMESTAMP NOT NULL);
CREATE TABLE deletedItems (itemID INTEGER PRIMARY KEY, dateDeleted DEFAULT CURRENT_TIMESTAMP NOT NULL);
CREATE INDEX deletedItems_dateDeleted ON deletedItems(dateDeleted);
CREATE TABLE feedItems (itemID INTEGER PRIMARY KEY, guid TEXT NOT NULL UNIQUE, readTime TIMESTAMP,
    translatedTime TIMESTAMP);
CREATE TABLE relationPredicates (predicateID INTEGER PRIMARY KEY, predicate TEXT UNIQUE);
CREATE TABLE itemRelations (itemID INT NOT NULL, predicateID INT NOT NULL, object TEXT NOT NULL,
    PRIMARY KEY (itemID, predicateID, object));
"""

# The item types, fields and creator types this generator uses (names as in
# Zotero's global schema); base field mappings as Zotero has them.
TYPES = ['annotation', 'attachment', 'book', 'bookSection', 'conferencePaper', 'journalArticle',
         'note', 'preprint', 'report', 'thesis', 'webpage']
FIELDS = ['title', 'abstractNote', 'publicationTitle', 'volume', 'issue', 'pages', 'date', 'series',
          'journalAbbreviation', 'language', 'DOI', 'ISSN', 'shortTitle', 'url', 'accessDate',
          'libraryCatalog', 'extra', 'proceedingsTitle', 'conferenceName', 'place', 'publisher',
          'ISBN', 'bookTitle', 'edition', 'numPages', 'university', 'thesisType', 'institution',
          'reportNumber', 'reportType', 'repository', 'archiveID', 'websiteTitle', 'citationKey',
          'number', 'genre']
BASE = [('conferencePaper', 'publicationTitle', 'proceedingsTitle'),
        ('bookSection', 'publicationTitle', 'bookTitle'),
        ('webpage', 'publicationTitle', 'websiteTitle'),
        ('thesis', 'publisher', 'university'), ('report', 'publisher', 'institution'),
        ('preprint', 'publisher', 'repository'), ('preprint', 'number', 'archiveID'),
        ('report', 'number', 'reportNumber'), ('thesis', 'type', 'thesisType'),
        ('report', 'type', 'reportType'), ('preprint', 'type', 'genre')]
CREATOR_TYPES = ['author', 'contributor', 'editor', 'translator', 'seriesEditor', 'bookAuthor']

# name -> (id): the ids of the old system.sql, or shuffled ones
def ids(names, shuffle, rng, start=1):
    values = list(range(start, start + len(names)))
    if shuffle:
        values = [v * 7 + 100 for v in values]
        rng.shuffle(values)
    return dict(zip(names, values))


class Library:
    def __init__(self, path, shuffle=False, seed=1):
        self.rng = random.Random(seed)
        self.db = sqlite3.connect(path)
        self.db.executescript(SCHEMA)
        self.type = ids(TYPES, shuffle, self.rng)
        self.field = ids(FIELDS, shuffle, self.rng)
        self.ctype = ids(CREATOR_TYPES, shuffle, self.rng)
        x = self.db.executemany
        x("INSERT INTO itemTypes VALUES (?,?,NULL,1)", [(v, k) for k, v in self.type.items()])
        x("INSERT INTO itemTypesCombined VALUES (?,?,1,0)", [(v, k) for k, v in self.type.items()])
        x("INSERT INTO fields VALUES (?,?,NULL)", [(v, k) for k, v in self.field.items()])
        x("INSERT INTO fieldsCombined VALUES (?,?,NULL,NULL,0)", [(v, k) for k, v in self.field.items()])
        x("INSERT INTO creatorTypes VALUES (?,?)", [(v, k) for k, v in self.ctype.items()])
        base = [(self.type[t], self.field[b], self.field[f]) for t, b, f in BASE if b in self.field]
        x("INSERT INTO baseFieldMappings VALUES (?,?,?)", base)
        x("INSERT INTO baseFieldMappingsCombined VALUES (?,?,?)", base)
        x("INSERT INTO version VALUES (?,?)", [('userdata', 123), ('system', 33), ('globalSchema', 30)])
        x("INSERT INTO libraries(libraryID, type, editable, filesEditable) VALUES (?,?,1,1)",
          [(1, 'user'), (2, 'group'), (3, 'feed')])
        self.db.execute("INSERT INTO groups VALUES (4711, 2, 'Vision Lab', '', 3)")
        self.db.execute("INSERT INTO feeds(libraryID, name, url) VALUES (3, 'arXiv cs.CV', 'https://rss.arxiv.org/rss/cs.CV')")
        self.next_item = 1
        self.values = {}
        self.creators = {}
        self.tags = {}
        self.keys = set()

    def key(self):
        while True:
            k = ''.join(self.rng.choice('23456789ABCDEFGHIJKLMNPQRSTUVWXYZ') for _ in range(8))
            if k not in self.keys:
                self.keys.add(k)
                return k

    def value(self, v):
        if v not in self.values:
            self.values[v] = len(self.values) + 1
            self.db.execute("INSERT INTO itemDataValues VALUES (?,?)", (self.values[v], v))
        return self.values[v]

    def item(self, type_, fields=None, creators=(), tags=(), library=1, added='2021-03-04 10:11:12',
             modified=None, key=None):
        iid = self.next_item
        self.next_item += 1
        self.db.execute("INSERT INTO items(itemID, itemTypeID, dateAdded, dateModified, clientDateModified,"
                        " libraryID, key) VALUES (?,?,?,?,?,?,?)",
                        (iid, self.type[type_], added, modified or added, modified or added, library,
                         key or self.key()))
        for name, v in (fields or {}).items():
            self.db.execute("INSERT INTO itemData VALUES (?,?,?)", (iid, self.field[name], self.value(v)))
        for k, c in enumerate(creators):
            role, last, first, mode = (c + (0,))[:4] if len(c) < 4 else c
            ck = (last, first, mode)
            if ck not in self.creators:
                self.creators[ck] = len(self.creators) + 1
                self.db.execute("INSERT INTO creators VALUES (?,?,?,?)", (self.creators[ck], first, last, mode))
            self.db.execute("INSERT INTO itemCreators VALUES (?,?,?,?)", (iid, self.creators[ck], self.ctype[role], k))
        for t in tags:
            name, kind = (t, 0) if isinstance(t, str) else t
            if name not in self.tags:
                self.tags[name] = len(self.tags) + 1
                self.db.execute("INSERT INTO tags VALUES (?,?)", (self.tags[name], name))
            self.db.execute("INSERT INTO itemTags VALUES (?,?,?)", (iid, self.tags[name], kind))
        return iid

    def note(self, parent, html, library=1):
        iid = self.item('note', library=library)
        self.db.execute("INSERT INTO itemNotes VALUES (?,?,?,?)", (iid, parent, html, ''))
        return iid

    def attachment(self, parent, path, title='Full Text PDF', ctype='application/pdf', mode=0):
        iid = self.item('attachment', {'title': title})
        self.db.execute("INSERT INTO itemAttachments(itemID, parentItemID, linkMode, contentType, path)"
                        " VALUES (?,?,?,?,?)", (iid, parent, mode, ctype, path))
        return iid

    def collection(self, cid, name, parent=None, library=1):
        self.db.execute("INSERT INTO collections(collectionID, collectionName, parentCollectionID, libraryID, key)"
                        " VALUES (?,?,?,?,?)", (cid, name, parent, library, self.key()))

    def file(self, cid, iid):
        self.db.execute("INSERT INTO collectionItems VALUES (?,?,0)", (cid, iid))

    def trash(self, iid):
        self.db.execute("INSERT INTO deletedItems VALUES (?, '2022-01-01 00:00:00')", (iid,))

    def close(self):
        self.db.commit()
        self.db.close()


def A(last, first=''):
    return ('author', last, first, 0)


def fixture(lib):
    """A researcher's library: what the tests expect is in tests/sql/zotero.test."""
    lib.collection(1, 'Vision')
    lib.collection(2, 'Self-supervised', 1)
    lib.collection(3, 'Detection', 1)
    lib.collection(4, 'NLP')
    lib.collection(5, '中文文献')
    lib.collection(6, 'Old stuff')
    lib.collection(7, 'Inside old', 6)
    lib.db.execute("INSERT INTO deletedCollections VALUES (6, '2022-02-02 00:00:00')")

    # Zotero 6 + Better BibTeX: arXiv id and citation key in Extra
    simclr = lib.item('conferencePaper', {
        'title': 'A Simple Framework for Contrastive Learning of Visual Representations',
        'date': '2020-11-21 2020-11-21',
        'proceedingsTitle': 'Proceedings of the 37th International Conference on Machine Learning',
        'conferenceName': 'International Conference on Machine Learning',
        'publisher': 'PMLR', 'pages': '1597-1607', 'series': 'Proceedings of Machine Learning Research',
        'url': 'https://proceedings.mlr.press/v119/chen20j.html', 'language': 'en',
        'abstractNote': 'This paper presents SimCLR: a simple framework for contrastive learning.',
        'extra': 'Citation Key: chen2020simple\narXiv: 2002.05709',
        'libraryCatalog': 'proceedings.mlr.press', 'accessDate': '2021-03-04 10:11:12'},
        [A('Chen', 'Ting'), A('Kornblith', 'Simon'), A('Norouzi', 'Mohammad'), A('Hinton', 'Geoffrey')],
        ['contrastive', ('Computer Science - Machine Learning', 1)], added='2021-03-04 10:11:12',
        modified='2021-05-06 07:08:09', key='SIMCLR01')
    lib.file(2, simclr)
    lib.note(simclr, '<div data-schema-version="8"><h1>Summary</h1>\n<p>Contrastive learning with '
             '<strong>large batches</strong> &amp; strong augmentation.</p>\n<ul>\n<li>SimCLR: 2 views</li>\n'
             '<li>NT-Xent loss, τ = 0.5</li>\n</ul>\n<p>Line one<br>Line two</p>\n</div>')
    lib.note(simclr, '<div data-schema-version="8"><p>对比学习需要<em>大批量</em>，第二条笔记。</p></div>')
    lib.attachment(simclr, 'storage:Chen et al. - 2020 - A Simple Framework.pdf')

    # Zotero 7: citationKey is a field; DOI field
    moco = lib.item('conferencePaper', {
        'title': 'Momentum Contrast for Unsupervised Visual Representation Learning',
        'date': '2020-06-00 June 2020',
        'proceedingsTitle': '2020 IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR)',
        'conferenceName': 'CVPR 2020', 'place': 'Seattle, WA, USA', 'publisher': 'IEEE',
        'pages': '9726-9735', 'DOI': '10.1109/CVPR42600.2020.00975',
        'url': 'https://ieeexplore.ieee.org/document/9157636/', 'citationKey': 'he2020momentum',
        'ISBN': '978-1-72817-168-5'},
        [A('He', 'Kaiming'), A('Fan', 'Haoqi'), A('Wu', 'Yuxin'), A('Xie', 'Saining'), A('Girshick', 'Ross')],
        ['contrastive', 'self-supervised'], added='2021-03-05 08:00:00', key='MOCO0001')
    lib.file(1, moco)
    lib.file(2, moco)

    # arXiv preprint (Zotero 7 item type)
    convbert = lib.item('preprint', {
        'title': 'ConvBERT: Improving BERT with Span-based Dynamic Convolution',
        'date': '2021-02-25 2021-02-25', 'repository': 'arXiv', 'archiveID': 'arXiv:2008.02496',
        'DOI': '10.48550/arXiv.2008.02496', 'url': 'http://arxiv.org/abs/2008.02496',
        'extra': 'arXiv:2008.02496 [cs]', 'libraryCatalog': 'arXiv.org', 'number': 'arXiv:2008.02496'},
        [A('Jiang', 'Zihang'), A('Yu', 'Weihao'), A('Zhou', 'Daquan'), A('Chen', 'Yunpeng'),
         A('Feng', 'Jiashi'), A('Yan', 'Shuicheng')],
        [('Computer Science - Computation and Language', 1)], added='2021-03-06 09:00:00', key='CONVBERT')
    lib.file(4, convbert)
    lib.attachment(convbert, 'storage:2008.02496.pdf', 'arXiv Fulltext PDF')
    lib.attachment(convbert, None, 'arXiv.org Snapshot', 'text/html', 1)

    # Zotero 6 style: DOI of a conference paper in Extra
    bert = lib.item('conferencePaper', {
        'title': 'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding',
        'date': '2019-06-00 2019-06',
        'proceedingsTitle': 'Proceedings of the 2019 Conference of the North American Chapter of the '
                            'Association for Computational Linguistics: Human Language Technologies, '
                            'Volume 1 (Long and Short Papers)',
        'place': 'Minneapolis, Minnesota', 'publisher': 'Association for Computational Linguistics',
        'pages': '4171-4186', 'url': 'https://aclanthology.org/N19-1423',
        'extra': 'DOI: 10.18653/v1/N19-1423\nCitation Key: devlin2019bert\ntex.ids: devlin2018bert'},
        [A('Devlin', 'Jacob'), A('Chang', 'Ming-Wei'), A('Lee', 'Kenton'), A('Toutanova', 'Kristina'),
         ('editor', 'Burstein', 'Jill', 0), ('editor', 'Doran', 'Christy', 0), ('editor', 'Solorio', 'Thamar', 0)],
        ['nlp', 'pretraining'], added='2021-03-07 09:00:00', key='BERT0001')
    lib.file(4, bert)

    # a journal article with a DOI and many authors
    go = lib.item('journalArticle', {
        'title': 'Mastering the game of Go without human knowledge', 'date': '2017-10-00 2017-10',
        'publicationTitle': 'Nature', 'journalAbbreviation': 'Nature', 'volume': '550', 'issue': '7676',
        'pages': '354-359', 'DOI': '10.1038/nature24270', 'ISSN': '1476-4687',
        'url': 'https://www.nature.com/articles/nature24270', 'language': 'en'},
        [A('Silver', 'David'), A('Schrittwieser', 'Julian'), A('Simonyan', 'Karen'),
         A('Antonoglou', 'Ioannis'), A('Huang', 'Aja')],
        ['reinforcement-learning'], added='2021-03-08 09:00:00', key='ALPHAGO0')

    # Chinese journal article (CNKI translator: family and given split)
    lib_cn = lib.item('journalArticle', {
        'title': '信息茧房研究综述', 'date': '2020-00-00 2020', 'publicationTitle': '新闻界',
        'issue': '3', 'pages': '12-20', 'language': 'zh-CN', 'DOI': '10.15897/j.cnki.cn51-1046/g2.2020.03.002'},
        [A('张', '三'), A('王', '小明'), ('author', '欧阳修远', '', 1)],
        ['信息茧房', '综述'], added='2021-03-09 09:00:00', key='CNKI0001')
    lib.file(5, lib_cn)
    lib.note(lib_cn, '<div data-schema-version="8"><p>推荐算法与<span style="color: red">信息茧房</span>'
             '的关系&nbsp;&lt;重点&gt;</p><blockquote><p>引用：回音室效应</p></blockquote></div>')

    # Chinese thesis
    thesis = lib.item('thesis', {
        'title': '基于深度学习的视频理解方法研究', 'date': '2021-06-00 2021-06', 'university': '清华大学',
        'thesisType': '博士学位论文', 'place': '北京', 'numPages': '156', 'language': 'zh-CN'},
        [A('李', '四')], ['video'], added='2021-03-10 09:00:00', key='THESIS01')
    lib.file(5, thesis)
    lib.file(1, thesis)

    # a book with a literal (single-field) corporate co-author left out; editors
    book = lib.item('book', {
        'title': 'Deep Learning', 'date': '2016-00-00 2016', 'publisher': 'MIT Press', 'place': 'Cambridge, MA',
        'ISBN': '978-0-262-03561-3', 'url': 'http://www.deeplearningbook.org', 'series': 'Adaptive Computation and Machine Learning'},
        [A('Goodfellow', 'Ian'), A('Bengio', 'Yoshua'), A('Courville', 'Aaron')],
        ['textbook'], added='2021-03-11 09:00:00', key='DLBOOK01')

    # a book section with editors and a von particle and accents
    sec = lib.item('bookSection', {
        'title': 'Practical Recommendations for Gradient-Based Training of Deep Architectures',
        'bookTitle': 'Neural Networks: Tricks of the Trade: Second Edition', 'date': '2012-00-00 2012',
        'publisher': 'Springer', 'place': 'Berlin, Heidelberg', 'pages': '437-478',
        'DOI': '10.1007/978-3-642-35289-8_26', 'ISBN': '978-3-642-35289-8'},
        [A('Bengio', 'Yoshua'), ('editor', 'Montavon', 'Grégoire', 0), ('editor', 'Orr', 'Geneviève B.', 0),
         ('editor', 'Müller', 'Klaus-Robert', 0)],
        [], added='2021-03-12 09:00:00', key='TRICKS01')

    # a report by an organisation (fieldMode 1), arXiv from the URL
    gpt4 = lib.item('report', {
        'title': 'GPT-4 Technical Report', 'date': '2023-03-15 2023-03-15', 'institution': 'OpenAI',
        'url': 'https://arxiv.org/abs/2303.08774v6', 'reportType': 'Technical report'},
        [('author', 'OpenAI', '', 1)], ['llm'], added='2023-03-20 09:00:00', key='GPT4REPT')

    # Japanese and Korean authors
    ja = lib.item('journalArticle', {
        'title': '深層学習による画像認識の進展', 'date': '2019-04-00 2019-04', 'publicationTitle': '情報処理',
        'volume': '60', 'issue': '4', 'language': 'ja'},
        [A('山田', '太郎'), A('佐藤', '花子')], [], added='2021-03-13 09:00:00', key='JAPAN001')
    ko = lib.item('journalArticle', {
        'title': '딥러닝 기반 영상 인식 기법', 'date': '2020-00-00 2020', 'publicationTitle': '한국정보과학회논문지',
        'language': 'ko'},
        [A('김', '민수')], [], added='2021-03-14 09:00:00', key='KOREA001')

    # a web page
    web = lib.item('webpage', {
        'title': 'The Illustrated Transformer', 'websiteTitle': "Jay Alammar's blog",
        'url': 'https://jalammar.github.io/illustrated-transformer/', 'date': '2018-06-27 2018-06-27'},
        [A('Alammar', 'Jay')], ['blog', 'nlp'], added='2021-03-15 09:00:00', key='WEBPAGE1')

    # an item in a group library
    detr = lib.item('conferencePaper', {
        'title': 'End-to-End Object Detection with Transformers', 'date': '2020-00-00 2020',
        'proceedingsTitle': 'Computer Vision – ECCV 2020', 'publisher': 'Springer International Publishing',
        'pages': '213-229', 'DOI': '10.1007/978-3-030-58452-8_13', 'extra': 'arXiv: 2005.12872'},
        [A('Carion', 'Nicolas'), A('Massa', 'Francisco')], ['detection'], library=2,
        added='2021-04-01 09:00:00', key='DETR0001')
    lib.collection(8, 'Reading group', None, 2)
    lib.file(8, detr)

    # what is not a regular item, or is in the trash
    lib.note(None, '<p>A standalone note: not an item of the list.</p>')
    lib.attachment(None, 'storage:lonely.pdf', 'A standalone PDF')
    trashed = lib.item('journalArticle', {'title': 'A paper in the trash', 'date': '2010-00-00 2010'},
                       [A('Nobody', 'N.')], key='TRASHED1')
    lib.trash(trashed)
    lib.file(3, trashed)
    old = lib.item('journalArticle', {'title': 'Only in a trashed collection', 'date': '2011-00-00 2011'},
                   [A('Olden', 'Olga')], key='OLDCOLL1')
    lib.file(7, old)
    gone = lib.note(moco, '<p>A note in the trash</p>')
    lib.trash(gone)
    feed = lib.item('journalArticle', {'title': 'A feed item, not in the library'}, library=3, key='FEED0001')
    lib.db.execute("INSERT INTO feedItems VALUES (?, 'oai:arXiv.org:2401.00001', NULL, NULL)", (feed,))


WORDS = ('learning deep neural network vision transformer contrastive self-supervised graph '
         'representation detection segmentation language model efficient robust adversarial '
         'generative diffusion reinforcement policy attention sparse federated video').split()
LAST = 'Chen Wang Li Zhang Liu Smith Johnson Garcia Müller Kim Tanaka Rossi Dubois Novak Silva'.split()
FIRST = 'Wei Jing Ana John Maria Hiroshi Min-jun Lukas Sofia Ahmed Olga Pierre Yuki'.split()


def synthetic(lib, n):
    rng = lib.rng
    for c in range(1, 41):
        lib.collection(c, 'Topic %d' % c, None if c <= 8 else rng.randint(1, c - 1))
    kinds = ['journalArticle', 'conferencePaper', 'preprint', 'book', 'thesis']
    for i in range(n):
        t = kinds[i % len(kinds)]
        title = ' '.join(rng.choice(WORDS) for _ in range(rng.randint(5, 11))).capitalize()
        year = rng.randint(1995, 2024)
        f = {'title': title + ' %d' % i, 'date': '%d-%02d-00 %d-%02d' % (year, i % 12 + 1, year, i % 12 + 1),
             'abstractNote': ' '.join(rng.choice(WORDS) for _ in range(rng.randint(40, 120))),
             'url': 'https://example.org/paper/%d' % i, 'language': 'en'}
        if t == 'journalArticle':
            f.update(publicationTitle='Journal of ' + rng.choice(WORDS).capitalize(), volume=str(i % 60),
                     pages='%d-%d' % (i % 900, i % 900 + 12), DOI='10.1000/j.%d' % i)
        elif t == 'conferencePaper':
            f.update(proceedingsTitle='Proceedings of the Conference on ' + rng.choice(WORDS).capitalize(),
                     DOI='10.1000/c.%d' % i, extra='Citation Key: key%d' % i)
        elif t == 'preprint':
            f.update(repository='arXiv', archiveID='arXiv:%02d%02d.%05d' % (year % 100, i % 12 + 1, i % 99999))
        elif t == 'book':
            f.update(publisher='Press %d' % (i % 50), ISBN='978-0-%09d' % i)
        else:
            f.update(university='University %d' % (i % 80), thesisType='PhD thesis')
        creators = [A(rng.choice(LAST), rng.choice(FIRST)) for _ in range(rng.randint(1, 8))]
        tags = rng.sample(WORDS, rng.randint(0, 4))
        iid = lib.item(t, f, creators, tags, added='2022-01-01 00:00:00')
        lib.file(rng.randint(1, 40), iid)
        if i % 3 == 0:
            lib.note(iid, '<div data-schema-version="8"><p>Note on <b>%s</b> &amp; more.</p><p>%s</p></div>'
                     % (title, ' '.join(rng.choice(WORDS) for _ in range(30))))
        if i % 2 == 0:
            lib.attachment(iid, 'storage:%d.pdf' % i)
        if i % 97 == 0:
            lib.trash(iid)


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    lib = Library(argv[1], shuffle='--shuffle-ids' in argv)
    if '--items' in argv:
        synthetic(lib, int(argv[argv.index('--items') + 1]))
    else:
        fixture(lib)
    lib.close()


if __name__ == '__main__':
    main(sys.argv)
