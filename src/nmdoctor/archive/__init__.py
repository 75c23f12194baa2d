"""``nmdoctor archive``: does a packed app resolve its dependencies as its source did?

``mount`` opens the artefact (asar, zip, tar or folder) and finds the app in it; ``imports`` follows
the app's own code from its entry point; ``compare`` resolves every declared dependency and import
in the packed app (and in the source) and compares them; ``asar_checks`` reads what only an asar
header tells; ``diagnose`` runs them in that order for the command.
"""
