"""The kernel has no models. This module exists so that Django sends core's post_migrate
signal (it skips apps without a models module), which creates the database cache's table
(core.apps.create_cache_table)."""
