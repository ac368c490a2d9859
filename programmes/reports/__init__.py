"""Donor reports: the data of a report assembled once (data.py), and every format built from
it: SVG charts, XLSX, CSV, IATI XML (and the PDF, from templates/pdf/report_*.html)."""
