"""`peplint serve`: a local web page for the designated teacher's self-check and the QA
officer's review of a bulk output folder.

It listens on 127.0.0.1 only, behind a random access token (as Jupyter does), checks
the Host header, puts a CSRF token on every form, sends a strict Content-Security-Policy
and limits upload size. Uploaded files and results live in a private temporary folder
that is deleted when the server stops; the officer's decisions are saved in the bulk
output folder (``review/decisions.json``, atomic, 0600).
"""
