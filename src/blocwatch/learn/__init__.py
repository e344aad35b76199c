"""The learned event model: pair features (``features``), the classifier (``classifier``), coding-time
guesses and how they join the rules (``pairs``), training data (``data``) and `blocwatch train` (``train``).

Kept free of spaCy imports here so that the CLI can read ``CODERS`` without loading the parser.
"""
from ..resources import SHIPPED

CODERS = ("rules", "model", "combined")  # Settings.coder: the rules alone, the model alone, or both
MODEL_DIR = SHIPPED / "models" / "pairs"  # the shipped weights, their config.yaml and meta.json
