/** Words for sanitized names ("Brave Otter 42"): our own short lists, in the spirit of petname. */
export const ADJECTIVES = [
  'able', 'amber', 'brave', 'bright', 'calm', 'clever', 'cosmic', 'crisp', 'daring', 'eager', 'fair', 'fancy',
  'gentle', 'glad', 'golden', 'happy', 'humble', 'jolly', 'keen', 'kind', 'lively', 'lucky', 'merry', 'mighty',
  'noble', 'polite', 'proud', 'quick', 'quiet', 'rapid', 'sharp', 'shiny', 'smart', 'steady', 'sunny', 'swift',
  'tidy', 'upbeat', 'vivid', 'warm', 'wise', 'witty', 'young', 'zesty',
];

export const NOUNS = [
  'badger', 'beaver', 'bison', 'condor', 'coyote', 'crane', 'dolphin', 'eagle', 'falcon', 'ferret', 'gecko',
  'heron', 'ibis', 'jackal', 'koala', 'lemur', 'lynx', 'marmot', 'marten', 'moose', 'narwhal', 'ocelot', 'osprey',
  'otter', 'panda', 'pelican', 'puffin', 'quail', 'raven', 'salmon', 'seal', 'sparrow', 'stork', 'tapir', 'toucan',
  'turtle', 'urchin', 'viper', 'walrus', 'wombat', 'yak', 'zebra',
];
