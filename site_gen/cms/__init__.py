"""The browser editor (Decap CMS) on the internal site: its configuration, generated from the models.

Pure: :func:`.config.cms_config` turns the models, the catalogues and the
organisation's editor settings into the ``config.yml`` that Decap CMS (and
Sveltia CMS) read. ``site-gen cms`` writes it to ``admin/config.yml`` and
``site-gen build`` puts it with the vendored editor into ``site/admin/``.
"""
