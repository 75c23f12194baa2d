"""Fleet mode: the same lockfile, check and docker questions over thousands of repositories.

``sources`` turns the command's SOURCE arguments into repository references, ``tasks`` turns one
reference into table rows, ``engines`` runs the tasks on a process pool or a Dask cluster,
``store`` keeps the rows as Parquet (atomically, resumably), and ``query`` reads them with DuckDB.
"""

__all__: list[str] = []
