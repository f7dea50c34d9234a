# Prints what openpyxl sees in the workbook argv[1], as JSON: each sheet's title, merged
# ranges, frozen panes, rows as text, column widths, row heights and how it prints
# (OpenPyXL.sheets(of:)).
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
        'heights': {str(k): d.height for k, d in ws.row_dimensions.items() if d.height},
        'printing': {
            'orientation': ws.page_setup.orientation or '',
            'paperSize': int(ws.page_setup.paperSize or 0),
            'fitToPage': bool(ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage),
            'fitToWidth': int(ws.page_setup.fitToWidth if ws.page_setup.fitToWidth is not None else 1),
            'fitToHeight': int(ws.page_setup.fitToHeight if ws.page_setup.fitToHeight is not None else 1),
            'titleRows': ws.print_title_rows or '',
            'footer': ws.oddFooter.center.text or '',
        },
    })
json.dump(out, sys.stdout, ensure_ascii=False)
