"""Building blocks of the extractor (evtracker.news.extract): sentences, mentions, money, dates."""
