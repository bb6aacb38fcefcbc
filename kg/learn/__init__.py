"""The learned layer: candidate facts described by general features, scored by a trained model.

`candidates` turns one article's parse and rule output into candidates (every person-team pair,
every person's type, team-trophy and person-trophy pairs, results, scorers) with features that
never contain a person's or club's own name; `scorer` applies a trained model (plain JSON
weights and a calibration table) to give each candidate a calibrated probability; `train` fits
the model on annotated articles with scikit-learn (the only module importing it).
"""
