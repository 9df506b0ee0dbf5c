// Decap waits for site-gen-yaml.js to register the record format, which then starts it.
window.CMS_MANUAL_INIT = true;
