"""The learned event model: pair features (``features``), the classifier (``classifier``), coding-time
guesses and how they join the rules (``pairs``), training data (``data``) and `blocwatch train` (``train``).

Kept free of imports here so that reading ``CODERS`` does not load spaCy.
"""
CODERS = ("rules", "model", "combined")  # Settings.coder: the rules alone, the model alone, or both
