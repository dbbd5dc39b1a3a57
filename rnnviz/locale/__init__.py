"""Korean and English strings, one module per page; merged by rnnviz.i18n."""
