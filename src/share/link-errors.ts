// The error every link, hash and view-file decoder throws: a stable code and a message a person understands. Its own
// module so that the page can show one without loading the link codec (and its inflater).
export type ShareLinkErrorCode = 'LINK_BAD_ENCODING' | 'LINK_TOO_LARGE' | 'LINK_BAD_DATA' | 'LINK_UNSUPPORTED_VERSION';

export class ShareLinkError extends Error {
  constructor(
    readonly code: ShareLinkErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ShareLinkError';
  }
}
