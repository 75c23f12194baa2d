import webpack from "webpack";






		const { default: config } = await import( "../webpack.config.cjs" );













