// placeholder replaced by the case reader
