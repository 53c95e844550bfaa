import type { Format, METRIC_KEYS, Platform } from './schemas/deliverable';

/*
 * How platforms, formats and metrics are written for people, on both sides.
 * Kept free of zod (types only) so the web app's first bundle can use them.
 */

export const PLATFORM_LABELS: Record<Platform, string> = {
  tiktok: 'TikTok',
  instagram: 'Instagram',
  youtube: 'YouTube',
  x: 'X',
  facebook: 'Facebook',
  linkedin: 'LinkedIn',
  twitch: 'Twitch',
  pinterest: 'Pinterest',
  threads: 'Threads',
  snapchat: 'Snapchat',
  blog: 'Blog',
  newsletter: 'Newsletter',
  podcast: 'Podcast',
  other: 'Other',
};

export const FORMAT_LABELS: Record<Format, string> = {
  video: 'Video',
  reel: 'Reel',
  story: 'Story',
  post: 'Post',
  short: 'Short',
  integration: 'Integration',
  live: 'Live',
  carousel: 'Carousel',
  other: 'Other',
};

export const METRIC_LABELS: Record<(typeof METRIC_KEYS)[number], string> = {
  views: 'Views',
  likes: 'Likes',
  comments: 'Comments',
  shares: 'Shares',
  saves: 'Saves',
  clicks: 'Clicks',
};
