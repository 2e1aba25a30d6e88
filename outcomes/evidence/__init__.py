"""Evidence beyond the funnel: funded vs not funded, the EU common indicators, the transfer planner.

Pure modules over the named queries (no Streamlit): `comparison`, `common_indicators`, `planner`,
and `wording`, which turns their results into sentences for the report and the deck.
"""
