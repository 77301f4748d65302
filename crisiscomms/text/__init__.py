"""Pure text utilities, the leaves of the package: bidi isolation and visual order, SMS segment
counting, X's weighted length, speech (numbers in words, SSML), Markdown escaping.

Nothing here imports the rest of crisiscomms (a test keeps it so): each function takes plain
strings and settings, and is usable on its own.

>>> from crisiscomms.text.sms import sms_segments
>>> sms_segments("hello")
('GSM-7', 5, 1)
"""
