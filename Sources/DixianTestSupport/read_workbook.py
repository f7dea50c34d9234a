# Prints what openpyxl sees in the workbook argv[1], as JSON: each sheet's title, merged
# ranges, frozen panes, rows as text and column widths (OpenPyXL.sheets(of:)).
import json, sys, openpyxl
book = openpyxl.load_workbook(sys.argv[1])
def text(v):
    if v is None: return ''
    if isinstance(v, float) and v.is_integer(): return str(int(v))
    return str(v)
out = []
for ws in book.worksheets:
    out.append({
        'title': ws.title,
        'merged': sorted(str(r) for r in ws.merged_cells.ranges),
        'frozen': ws.freeze_panes,
        'rows': [[text(c) for c in row] for row in ws.iter_rows(values_only=True)],
        'widths': {k: d.width for k, d in ws.column_dimensions.items() if d.width},
    })
json.dump(out, sys.stdout, ensure_ascii=False)
