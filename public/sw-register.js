// Registers the offline service worker (an external file, so the CSP needs no inline script for it).
if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  navigator.serviceWorker.register('/sw.js').catch(() => {
    // Without a service worker the site works online; nothing to tell the reader.
  });
}
