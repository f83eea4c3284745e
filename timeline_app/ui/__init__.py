"""The Qt user interface. Importing it first applies the work-arounds of qt_compat."""

from timeline_app.ui.qt_compat import protect_none_refcount

protect_none_refcount()
