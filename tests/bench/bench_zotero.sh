#!/bin/sh
# bench_zotero.sh: reading a 50,000-item Zotero library with zotero_items
# (make bench; BENCH_ONLY=zotero).
#
# The library is made by tests/data/zotero/make_library.py --items 50000
# (Zotero 7's tables, fixed seed: abstracts, 1-8 authors, tags, notes on a
# third of the items, PDFs on half, collections, 1% in the trash).  Side by
# side in one run, best of 3, CPU seconds (user+sys), the file in the page cache:
#   floor: scans   the same data read by plain SQL: the regular items, and every
#                  itemData value, creator, tag, collection link and child note
#                  joined to its names (sum of lengths: nothing is built)
#   floor: grouped one row per item built in plain SQL: json_group_object of the
#                  fields, json_group_array of creators, tags, collections and
#                  notes, by correlated subqueries (what one would write by hand)
#   count(*)       zotero_items, no column
#   every column   zotero_items, every column read
# Target: every column within 2x of the plain SQL join.
cd "$(dirname "$0")/../.." || exit 2
tmp=${TMPDIR:-/tmp}/paperext-bench-zotero.$$
mkdir -p "$tmp"
trap 'rm -rf "$tmp"' EXIT
lib="$tmp/zotero.sqlite"
/usr/bin/python3 tests/data/zotero/make_library.py "$lib" --items 50000 || exit 1
cat "$lib" > /dev/null
best(){
  for i in 1 2 3; do
    printf '.load ./paperext\n.timer on\n%s\n' "$1" | sqlite3 "$lib" | grep '^Run Time' | tail -1 | awk '{print $6+$8}'
  done | sort -n | head -1
}
REGULAR="i.itemTypeID IN (SELECT itemTypeID FROM itemTypesCombined WHERE typeName NOT IN ('attachment','note','annotation')) AND i.itemID NOT IN (SELECT itemID FROM deletedItems)"
scan=$(best "SELECT (SELECT count(*) FROM items i WHERE $REGULAR)
 + (SELECT sum(length(f.fieldName) + length(v.value)) FROM itemData d JOIN fieldsCombined f ON f.fieldID = d.fieldID JOIN itemDataValues v ON v.valueID = d.valueID)
 + (SELECT sum(length(ct.creatorType) + length(c.firstName) + length(c.lastName)) FROM itemCreators ic JOIN creators c ON c.creatorID = ic.creatorID JOIN creatorTypes ct ON ct.creatorTypeID = ic.creatorTypeID)
 + (SELECT sum(length(t.name)) FROM itemTags it JOIN tags t ON t.tagID = it.tagID)
 + (SELECT sum(length(c.collectionName)) FROM collectionItems ci JOIN collections c ON c.collectionID = ci.collectionID)
 + (SELECT sum(length(note)) FROM itemNotes WHERE parentItemID IS NOT NULL);")
grouped=$(best "SELECT sum(length(k) + length(f) + length(c) + length(t) + length(co) + length(coalesce(n, ''))) FROM (
 SELECT i.key AS k,
  (SELECT json_group_object(f.fieldName, v.value) FROM itemData d JOIN fieldsCombined f ON f.fieldID = d.fieldID JOIN itemDataValues v ON v.valueID = d.valueID WHERE d.itemID = i.itemID) AS f,
  (SELECT json_group_array(json_object('role', ct.creatorType, 'family', c.lastName, 'given', c.firstName)) FROM itemCreators ic JOIN creators c ON c.creatorID = ic.creatorID JOIN creatorTypes ct ON ct.creatorTypeID = ic.creatorTypeID WHERE ic.itemID = i.itemID) AS c,
  (SELECT json_group_array(t.name) FROM itemTags it JOIN tags t ON t.tagID = it.tagID WHERE it.itemID = i.itemID) AS t,
  (SELECT json_group_array(c.collectionName) FROM collectionItems ci JOIN collections c ON c.collectionID = ci.collectionID WHERE ci.itemID = i.itemID) AS co,
  (SELECT group_concat(note, char(10)) FROM itemNotes WHERE parentItemID = i.itemID) AS n
 FROM items i WHERE $REGULAR);")
count=$(best "SELECT count(*) FROM zotero_items('$lib');")
cols=$(best "SELECT sum(length(key) + library_id + length(type) + length(title) + length(creators) + length(author) + length(coalesce(editor, '')) + length(date) + year + length(coalesce(venue, '')) + length(coalesce(doi, '')) + length(coalesce(url, '')) + length(coalesce(arxiv, '')) + length(tags) + length(collections) + length(coalesce(notes, '')) + length(coalesce(citation_key, '')) + length(date_added) + length(date_modified) + length(fields) + item_id) FROM zotero_items('$lib');")
rows=$(printf ".load ./paperext\nSELECT count(*), count(notes), count(arxiv), count(citation_key) FROM zotero_items('%s');\n" "$lib" | sqlite3 :memory:)
mb=$(awk -v b="$(wc -c < "$lib")" 'BEGIN{printf "%.0f", b/1048576}')
echo "Zotero library of $mb MB (items|with notes|arXiv|citation keys: $rows), best of 3:"
printf '  %-40s %8s %10s %8s\n' "query" "seconds" "items/s" "ratio"
for x in "floor, plain SQL scans and joins:$scan" "plain SQL join, one JSON row per item:$grouped" "count(*) zotero_items:$count" "every column zotero_items:$cols"; do
  name=${x%%:*}; t=${x##*:}
  awk -v n="$name" -v t="$t" -v f="$scan" -v items="${rows%%|*}" \
    'BEGIN{printf "  %-40s %8.3f %10.0f %8.2f\n", n, t, (t>0? items/t : 0), (f>0? t/f : 0)}'
done
