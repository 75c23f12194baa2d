
  require('remark-slug'),
  require('./remark-paragraph-alerts'),

    require('remark-autolink-headings'),









    require('remark-toc'),





  require('remark-emoji'),
  require('remark-footnotes'),
  require('remark-images'),

